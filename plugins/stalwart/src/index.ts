export { stalwartPlugin as default } from './plugin';
