export * from './data';
export { dataFromJson } from './json';
export { dataFromYaml } from './yaml';
export { hclExpression, hclFile, type HclBlock } from './hcl';
export { blankTemplates } from './templates';
