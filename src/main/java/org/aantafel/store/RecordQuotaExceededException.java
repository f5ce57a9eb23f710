package org.aantafel.store;

/**
 * A record version was refused because the versions already stored for its board leave no room for it under
 * {@link Records#QUOTA_BYTES}. Nothing was stored. A conflict with what is stored, so drivers pass it on unchanged.
 */
public class RecordQuotaExceededException extends StoreConflictException {

  public RecordQuotaExceededException(String message) {
    super(message, null);
  }
}
