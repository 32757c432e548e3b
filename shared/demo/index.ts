/** Generated data: the 示例巡察任务 and the phrase lists benchmarks share with it. */
export {
  DEMO_MARK,
  DEMO_NOTES,
  DEMO_SEED,
  DEMO_UNIT,
  generateDemoCase,
  isDemoCase,
  type DemoBlob,
  type DemoCase,
  type DemoMember,
  type DemoOptions,
} from './generate';
