import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Typography,
} from '@material-ui/core';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  DRIFT_CLASS_INFO,
  DRIFT_CLASSES,
} from '@stalwart-backstage/plugin-stalwart-common';

/** What each drift class means, folded away until asked. */
export function DriftClassLegend() {
  return (
    <Accordion variant="outlined">
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls="stalwart-drift-legend"
        id="stalwart-drift-legend-header"
      >
        <Typography variant="body2">What the classes mean</Typography>
      </AccordionSummary>
      <AccordionDetails id="stalwart-drift-legend">
        <dl style={{ margin: 0 }}>
          {DRIFT_CLASSES.map(driftClass => (
            <div key={driftClass}>
              <Typography component="dt" variant="subtitle2">
                {DRIFT_CLASS_INFO[driftClass].label}
              </Typography>
              <Typography
                component="dd"
                variant="body2"
                style={{ margin: '0 0 8px' }}
              >
                {DRIFT_CLASS_INFO[driftClass].description}
              </Typography>
            </div>
          ))}
        </dl>
      </AccordionDetails>
    </Accordion>
  );
}
