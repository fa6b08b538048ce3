import {
  Accordion,
  AccordionPanel,
  AccordionTrigger,
  Text,
} from '@backstage/ui';
import {
  DRIFT_CLASS_INFO,
  DRIFT_CLASSES,
} from '@stalwart-backstage/plugin-stalwart-common';

/** What each drift class means, folded away until asked. */
export function DriftClassLegend() {
  return (
    <Accordion>
      <AccordionTrigger title="What the classes mean" />
      <AccordionPanel>
        <dl style={{ margin: 0 }}>
          {DRIFT_CLASSES.map(driftClass => (
            <div key={driftClass}>
              <Text as="strong" weight="bold" variant="body-small">
                <dt>{DRIFT_CLASS_INFO[driftClass].label}</dt>
              </Text>
              <dd style={{ margin: '0 0 8px' }}>
                <Text variant="body-small">
                  {DRIFT_CLASS_INFO[driftClass].description}
                </Text>
              </dd>
            </div>
          ))}
        </dl>
      </AccordionPanel>
    </Accordion>
  );
}
