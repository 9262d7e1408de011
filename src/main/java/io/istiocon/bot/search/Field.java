package io.istiocon.bot.search;

/** The parts of a session that are searched, with their BM25F weight and length normalisation. */
enum Field {
  TITLE(4.0f, 0.5f),
  SPEAKER(4.0f, 0.3f),
  COMPANY(3.5f, 0.3f),
  TAGS(2.5f, 0.3f),
  TYPE(1.0f, 0.0f),
  ABSTRACT(1.0f, 0.75f);

  final float weight;
  final float b;

  Field(float weight, float b) {
    this.weight = weight;
    this.b = b;
  }

  static final Field[] ALL = values();
  static final int BITS = 5;
  static final int MAX_TF = (1 << BITS) - 1;

  /** Reads this field's term frequency out of a packed posting. */
  int tf(int packed) {
    return (packed >>> (ordinal() * BITS)) & MAX_TF;
  }
}
