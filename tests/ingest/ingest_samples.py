"""Short article texts written for these tests (not taken from any real article)."""

FRENCH = (
    "Le conseil municipal a voté jeudi soir la fermeture de la piscine du quartier des Tilleuls. "
    "« C'est une décision difficile mais nécessaire », a déclaré l'adjointe chargée des sports, "
    "qui évoque des travaux trop coûteux. Selon plusieurs habitants, la piscine était pourtant très fréquentée "
    "l'été dernier, et une pétition a déjà réuni près de deux mille signatures."
)

ENGLISH = (
    "The city council voted on Thursday night to close the swimming pool in the Lindens neighbourhood. "
    "\"It is a hard decision but a necessary one,\" said the deputy mayor in charge of sports, who pointed to "
    "repairs the city could not afford. According to several residents, the pool was busy all of last summer, "
    "and a petition has already gathered nearly two thousand signatures."
)

GERMAN = (
    "Der Stadtrat hat am Donnerstagabend beschlossen, das Schwimmbad im Lindenviertel zu schließen. "
    "„Es ist eine schwere, aber notwendige Entscheidung“, sagte die zuständige Beigeordnete für Sport. "
    "Nach Angaben mehrerer Anwohner war das Bad im vergangenen Sommer gut besucht."
)
