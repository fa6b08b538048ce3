export { parseLabelSelector, splitRequirements } from './labelSelector';
