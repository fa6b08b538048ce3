import { Card, CardContent, CardHeader } from '@material-ui/core';
import { ReactNode } from 'react';

/** A card that is a named region with an h2, so pages read well to screen readers and tests. */
export function SectionCard(props: {
  title: string;
  subheader?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      component="section"
      aria-label={props.title}
      style={{ height: '100%' }}
    >
      <CardHeader
        title={props.title}
        subheader={props.subheader}
        titleTypographyProps={{ component: 'h2', variant: 'h5' }}
        action={props.action}
      />
      <CardContent>{props.children}</CardContent>
    </Card>
  );
}
