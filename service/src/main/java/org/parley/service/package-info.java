/** The Dropwizard scoring service: application wiring and configuration. */
package org.parley.service;
