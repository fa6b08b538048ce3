export {
  STALWART_ANNOTATIONS,
  isStalwartInstance,
  namedClusters,
} from './annotations';
