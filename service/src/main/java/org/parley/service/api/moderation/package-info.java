/** JSON bodies of the moderation API: submissions, comment views, queues, decisions, sessions. */
package org.parley.service.api.moderation;
