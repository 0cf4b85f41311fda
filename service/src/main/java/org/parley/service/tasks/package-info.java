/** Admin tasks (POST on the admin port): reloading the model bundle. */
package org.parley.service.tasks;
