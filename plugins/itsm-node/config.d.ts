export interface Config {
  itsm?: {
    /**
     * The ITSM permission policy (`@backstage-itsm/plugin-itsm-node`'s
     * ItsmPermissionPolicy, installed by `@backstage-itsm/plugin-permission-backend-module-itsm`).
     */
    permissions?: {
      /** Members of these groups (group refs) may do everything in ITSM. */
      adminGroups?: string[];
      /**
       * Who reads records: `everyone` signed in (default), or only those `involved`
       * (requester, assignee, assignment group, approvers of an open step).
       */
      readAccess?: 'everyone' | 'involved';
      /**
       * Only for the permission module installed as the portal's sole policy: what
       * happens to the permissions of other plugins (default `allow`).
       */
      otherPermissions?: 'allow' | 'deny';
    };
  };
}
