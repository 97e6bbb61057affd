export {
  averageHandlingHours,
  closureRate,
  deadlineMs,
  isOverdueOpen,
  type LifecycleEvent,
  type LifecycleParts,
  lifecycleParts,
  onTimeRate,
  sumParts,
  villageSettlementRate,
} from './lifecycle';
export { maskPersonName, maskPhone } from './mask';
