/**
 * Who may change an organisation's collectivité level. The access policy decides and provides this gate (it lives in
 * `access/`, above this folder, which may not import it): `AccessModule` binds it to `AccessPolicy`.
 */
export abstract class CollectiviteLevelGate {
  /** 403 `collectivite_level_reserved` unless the account may change the organisation's collectivité level. */
  abstract requireCollectiviteLevelEditor(organisationId: string, accountId: string): Promise<void>;
}
