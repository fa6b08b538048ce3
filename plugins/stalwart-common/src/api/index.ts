export { STATUS_API_VERSION } from './statusV1';
export type {
  ClusterErrorV1,
  ClusterInstanceStatusV1,
  InstanceStatusResponseV1,
} from './statusV1';
