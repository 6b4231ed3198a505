export { type RedisProcess, describeWithRedisServer, redisServerAvailable, startRedis } from '@concerto/server/testing';
