/** Admin tasks (POST on the admin port): reloading the model bundles, and the store's retention (also run on a schedule). */
package org.parley.service.tasks;
