package org.countersign.challenge;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a {@link ChallengeStatus} under its privacyIDEA name, the strings the column has always
 * held. An unknown stored value is read as {@link ChallengeStatus#PENDING}: never answered.
 */
@Converter
public class ChallengeStatusConverter implements AttributeConverter<ChallengeStatus, String> {

  @Override
  public String convertToDatabaseColumn(ChallengeStatus status) {
    return (status == null ? ChallengeStatus.PENDING : status).apiName();
  }

  @Override
  public ChallengeStatus convertToEntityAttribute(String stored) {
    return ChallengeStatus.ACCEPT.apiName().equals(stored)
        ? ChallengeStatus.ACCEPT
        : ChallengeStatus.PENDING;
  }
}
