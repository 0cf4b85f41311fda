/** Admin health checks: the served model scores a canary pair in the right order. */
package org.parley.service.health;
