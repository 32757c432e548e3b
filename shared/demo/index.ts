/** Generated data: the 示例巡察任务 and the phrase lists benchmarks share with it. */
export {
  DEMO_MARK,
  DEMO_NOTES,
  DEMO_SCALES,
  DEMO_SEED,
  DEMO_UNIT,
  generateDemoCase,
  type DemoBlob,
  type DemoCase,
  type DemoCounts,
  type DemoMember,
  type DemoOptions,
  type DemoScale,
} from './generate';
export { demoRows, demoSettingKey, type DemoRows, type DemoRowsOptions } from './rows';
