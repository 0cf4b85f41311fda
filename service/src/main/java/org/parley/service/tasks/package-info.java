/** Admin tasks (POST on the admin port): reloading the model bundles. */
package org.parley.service.tasks;
