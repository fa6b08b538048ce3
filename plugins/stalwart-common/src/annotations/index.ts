export { STALWART_ANNOTATIONS, isStalwartInstance } from './annotations';
