export { type RedisProcess, redisServerAvailable, startRedis } from '@concerto/server/testing';
