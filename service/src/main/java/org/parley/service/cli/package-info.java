/** Command-line tasks on the service's configuration and database (run through the service jar). */
package org.parley.service.cli;
