/**
 * The admin port's health checks: the served models answer canaries sensibly ({@link
 * org.parley.service.health.ModelHealthCheck}) and the database answers in time ({@link
 * org.parley.service.health.DatabaseHealthCheck}) and the erasure log has room for a site's erasure line ({@link
 * org.parley.service.health.ErasureLogHealthCheck}); and H2's check, once started, for rows no copy of one moment holds
 * ({@link org.parley.service.health.StrayRowCheck}), which logs a warning rather than failing a check.
 */
package org.parley.service.health;
