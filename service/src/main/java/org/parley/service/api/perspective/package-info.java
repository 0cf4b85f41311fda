/**
 * Bodies of the Perspective-compatible endpoints ({@code /v1alpha1/comments:analyze},
 * {@code :suggestscore}), with Perspective's field names, so existing clients work unchanged.
 */
package org.parley.service.api.perspective;
