package vn.motcua.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full-flow test of the whole application on a fresh database: in-memory H2 by default,
 * or a new PostgreSQL database at 127.0.0.1:5432 when run with {@code -Ppostgres} (see
 * {@link TestDatabase}). The demo ward is loaded; tests that change data make units of
 * their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
public @interface IntegrationTest {

}
