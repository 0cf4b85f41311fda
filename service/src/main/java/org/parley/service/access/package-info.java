/**
 * What a caller may do and where: its {@link org.parley.service.access.Role} (scorer, website, moderator, admin) and the
 * {@link org.parley.service.access.Sites} whose comments it reaches. Below both auth, which gives callers them from a key
 * or a session, and store, which keeps them with moderator accounts and narrows comments by them; so the store needs
 * nothing of the requests' gate.
 */
package org.parley.service.access;
