package com.pult.mdm.it.sim;

import java.util.List;

/** Name pools for generated users; several carry accents, {@code Ł}, {@code ø} or U+2019 on purpose. */
final class Names {
    static final List<String> FIRST = List.of(
            "Jane", "John", "Ada", "Grace", "Alan", "Linus", "Margaret", "José", "Zoë", "Björn", "Chloé", "Łukasz",
            "Søren", "Renée", "Jürgen", "Siobhán", "Priya", "Wei", "Fatima", "Olumide", "Mateo", "Noémie", "Hiroshi",
            "Amara", "Dmitri", "Ingrid", "Kofi", "Lucía", "Mikael", "Sanjay");
    static final List<String> LAST = List.of(
            "Doe", "Smith", "García", "Müller", "Nowak", "O’Brien", "Kowalski", "Dubois", "Jensen", "Rossi", "Tanaka",
            "Kim", "Silva", "Novák", "Øvrebø", "Johnson", "Nguyen", "Okafor", "Fernández", "Lindqvist", "Patel",
            "Chen", "Haddad", "Mensah", "Ivanova", "Bianchi", "Larsen", "Moreau", "Schäfer", "Costa");

    private Names() {}
}
