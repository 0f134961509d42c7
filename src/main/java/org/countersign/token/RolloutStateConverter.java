package org.countersign.token;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a {@link RolloutState} under its privacyIDEA name, the strings the column has always held.
 * An unknown stored value is read as {@link RolloutState#CLIENT_WAIT}, a state that never
 * authenticates.
 */
@Converter
public class RolloutStateConverter implements AttributeConverter<RolloutState, String> {

  @Override
  public String convertToDatabaseColumn(RolloutState state) {
    return (state == null ? RolloutState.DONE : state).apiName();
  }

  @Override
  public RolloutState convertToEntityAttribute(String stored) {
    return RolloutState.fromApiName(stored == null ? "" : stored).orElse(RolloutState.CLIENT_WAIT);
  }
}
