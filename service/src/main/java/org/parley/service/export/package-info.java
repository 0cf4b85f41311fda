/**
 * The retraining loop's first step: moderators' decisions and suggested scores written out as
 * labelled data (docs/labelled-data-format.md) for {@code scripts/train --include-decisions}.
 */
package org.parley.service.export;
