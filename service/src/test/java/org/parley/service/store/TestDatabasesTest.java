package org.parley.service.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TestDatabasesTest {

    @Test
    void theSchemaIsAddedToAUrlWithOrWithoutParametersOfItsOwn() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=t_1&connectTimeout=3",
                TestDatabases.inSchema("jdbc:postgresql://127.0.0.1:5432/test", "t_1"));
        // PARLEY_TEST_PG_URL as a helper sets it: a second '?' made the user "postgres?currentSchema=t_1".
        assertEquals("jdbc:postgresql://127.0.0.1:5432/h4?user=postgres&currentSchema=t_1&connectTimeout=3",
                TestDatabases.inSchema("jdbc:postgresql://127.0.0.1:5432/h4?user=postgres", "t_1"));
    }
}
