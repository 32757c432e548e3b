import { repos } from '../db';
import { useDeviceId } from './device';

/** Load the 示例巡察任务 on this laptop (its 组长 becomes the current member), or remove it. */
export function useDemoCase() {
  const deviceId = useDeviceId();
  return {
    load: () => repos.demo.load(deviceId),
    remove: (caseId: string) => repos.demo.remove(caseId),
  };
}
