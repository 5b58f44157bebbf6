export { BlastRadiusCard, impactGroups, impactWay } from './BlastRadiusCard';
