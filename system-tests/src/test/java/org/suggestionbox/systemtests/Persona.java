package org.suggestionbox.systemtests;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who tries an endpoint in the authorization matrix, as a column of {@code authorization-matrix.csv}
 * and the demo person who plays the part. The fixture makes alice's idea go to maya and piotr's to jan.
 */
enum Persona {
    NOBODY("nobody", null),
    OWNING_EMPLOYEE("owning-employee", "alice"),
    OTHER_EMPLOYEE("other-employee", "piotr"),
    OWNER("owner", "maya"),
    OTHER_OWNER("other-owner", "jan"),
    LEADER("leader", "lea"),
    ADMIN("admin", "admin");

    private final String column;
    private final @Nullable String person;

    Persona(String column, @Nullable String person) {
        this.column = column;
        this.person = person;
    }

    String column() {
        return this.column;
    }

    /** The directory id of the person who plays this part; empty for {@link #NOBODY}. */
    Optional<String> person() {
        return Optional.ofNullable(this.person);
    }

    static Persona ofColumn(String column) {
        for (Persona persona : values()) {
            if (persona.column.equals(column)) {
                return persona;
            }
        }
        throw new IllegalArgumentException("No persona column " + column);
    }

    @Override
    public String toString() {
        return this.person == null ? this.column : this.column + " (" + this.person + ")";
    }
}
