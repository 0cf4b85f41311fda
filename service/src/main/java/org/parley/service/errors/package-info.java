/**
 * Every failure becomes a JSON answer, never a stack trace: {@link org.parley.service.errors.ApiException}
 * carries the status, field and limit; the mappers turn it, Jackson's parse errors, JAX-RS's own
 * (404, 405, 415, 403) and anything unexpected into {@link org.parley.service.api.ErrorBody} on /v1
 * and into Google's envelope on /v1alpha1. Messages are built here, never copied from exceptions,
 * so no comment text ends up in a response or a log. (The jar's commands say why they failed through
 * cli.CommandErrors, in the words of store.FailureReason.)
 */
package org.parley.service.errors;
