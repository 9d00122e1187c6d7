/** The site's base path (site.basePath in academy.config.yaml), always ending in "/". */
export const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
