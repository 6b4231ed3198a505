/** The API path of one space; every area's endpoints hang under it. */
export const spacePath = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}`;
