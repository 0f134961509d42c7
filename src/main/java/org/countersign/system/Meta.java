package org.countersign.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A named value the server keeps about its own database, such as the check value of the master key.
 */
@Entity
@Table(name = "cs_meta")
public class Meta {

  public static final String KEY_CHECK = "key-check";

  @Id
  @Column(length = 64)
  private String name;

  @Column(name = "meta_value", nullable = false, length = 1024)
  private String value;

  protected Meta() {}

  public Meta(String name, String value) {
    this.name = name;
    this.value = value;
  }

  public String value() {
    return value;
  }
}
