// The Redis the multi-server tests run against, and whether it answers (they say plainly when
// they are skipped because it does not).
import { redisReachable as answers } from '../../support/redis-probe';

export const REDIS_URL = process.env.PCHAT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const redisReachable = (url = REDIS_URL): Promise<boolean> => answers(url);
