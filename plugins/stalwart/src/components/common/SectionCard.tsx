import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { ReactNode } from 'react';

/** A card that is a named region with an h2, so pages read well to screen readers and tests. */
export function SectionCard(props: {
  title: string;
  subheader?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-label={props.title} style={{ height: '100%', minWidth: 0 }}>
      <Card style={{ height: '100%' }}>
        <CardHeader>
          <Flex justify="between" align="start" gap="3">
            <div style={{ minWidth: 0 }}>
              <Text as="h2" variant="title-small">
                {props.title}
              </Text>
              {props.subheader && (
                <Text as="p" variant="body-small" color="secondary">
                  {props.subheader}
                </Text>
              )}
            </div>
            {props.action}
          </Flex>
        </CardHeader>
        <CardBody>{props.children}</CardBody>
      </Card>
    </section>
  );
}
