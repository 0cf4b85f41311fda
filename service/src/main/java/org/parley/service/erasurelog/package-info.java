/**
 * The erasure log's directory (config.yml's {@code PARLEY_ERASURE_LOG}): the appender that puts each line on the disk
 * before the erasure is answered (config.yml's {@code erasure-file}), which directories the running logging writes it
 * to, the service's lock on its {@code sites.log}, the start's finishing of a month's roll a stop cut off, and the
 * compression of the operator's past months (at a start, and daily while the service runs).
 */
package org.parley.service.erasurelog;
