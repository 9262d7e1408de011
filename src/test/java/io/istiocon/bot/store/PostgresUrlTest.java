package io.istiocon.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresUrlTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      postgresql://bot:pw@db.example:5432/agenda?sslmode=require | jdbc:postgresql://db.example:5432/agenda?sslmode=require | bot  | pw
      postgres://bot:pw@db.example/agenda                        | jdbc:postgresql://db.example/agenda                      | bot  | pw
      POSTGRESQL://bot@db.example:6543/agenda                    | jdbc:postgresql://db.example:6543/agenda                 | bot  | null
      postgresql://db.example/agenda                             | jdbc:postgresql://db.example/agenda                      | null | null
      postgresql://b%40t:p%40ss%3Aw%2Frd+%25@h/d                 | jdbc:postgresql://h/d                                    | b@t  | p@ss:w/rd+%
      postgresql://bot:%E5%AF%86%E7%A0%81@h/d                    | jdbc:postgresql://h/d                                    | bot  | 密码
      postgresql://bot:@h/d                                      | jdbc:postgresql://h/d                                    | bot  | ''
      postgresql://bot:pw@[::1]:5432/d?sslmode=verify-full&a=b%20c | jdbc:postgresql://[::1]:5432/d?sslmode=verify-full&a=b%20c | bot | pw
      '  postgresql://h/d  '                                     | jdbc:postgresql://h/d                                    | null | null
      """)
  void parse_libpqUri_givesTheJdbcUrlAndDecodedCredentials(String uri, String jdbcUrl, String user, String password) {
    PostgresUrl url = PostgresUrl.parse(uri);

    assertEquals(jdbcUrl, url.jdbcUrl());
    assertEquals(user, url.user());
    assertEquals(password, url.password());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      mysql://bot:secret@h/d                  | got one starting with "mysql://"
      jdbc:postgresql://h/d                   | (drop the jdbc: prefix)
      db.example:5432/agenda                  | got one without a scheme
      bot:secret://h/d                        | does not start with postgresql://
      postgresql://bot:secret@/d              | must name one host
      postgresql://bot:se@cret@h/d            | @ as %40
      postgresql://bot:secret@h:99999/d       | port 99999
      postgresql://bot:secret@h:0/d           | port 0
      postgresql://bot:secret@h               | must name a database
      postgresql://bot:secret@h/              | must name a database
      postgresql://bot:secret@h/d/extra       | must name a database
      postgresql://bot:sec%zzret@h/d          | not a valid URI
      postgresql://bot:secret@h/d?a=b c       | not a valid URI
      """)
  void parse_badUri_saysWhatIsWrong_withoutThePassword(String uri, String says) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse(uri));

    assertTrue(e.getMessage().contains(says), e.getMessage());
    assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("cret"), e.getMessage());
  }

  @Test
  void toString_masksThePassword_evenInTheQuery() {
    PostgresUrl url = PostgresUrl.parse("postgresql://bot:secret1@h/d?password=secret2&sslmode=require");

    assertEquals("PostgresUrl[jdbc:postgresql://h/d?password=***&sslmode=require, user=bot, password=***]", url.toString());
  }
}
