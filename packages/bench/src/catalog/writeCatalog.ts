import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import { Organisation } from '../seed/org';

/**
 * Writes the organisation as catalog entities, in the shapes of examples/org.yaml and
 * examples/entities.yaml: groups, users with memberOf, systems, components with an
 * owner, a system, `dependsOn` and the `itsm.backstage.io/tier` annotation.
 */
export async function writeCatalog(
  org: Organisation,
  file: string,
): Promise<number> {
  const entities: object[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'bench-org', title: 'Bench Org' },
      spec: {
        type: 'organization',
        children: org.groups.map(g => g.name),
      },
    },
    ...org.groups.map(g => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: g.name },
      spec: { type: 'team', parent: 'bench-org', children: [] },
    })),
    ...org.users.map(u => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: u.name },
      spec: {
        profile: { displayName: u.name, email: `${u.name}@example.com` },
        memberOf: u.groups,
      },
    })),
    ...org.systems.map(s => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: s.name },
      spec: { owner: s.owner },
    })),
    ...org.components.map(c => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: c.name,
        annotations: { 'itsm.backstage.io/tier': c.tier },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: c.owner,
        system: c.system,
        dependsOn: c.dependsOn,
      },
    })),
  ];
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, entities.map(e => stringify(e)).join('---\n'), 'utf8');
  return entities.length;
}

/** How many entities of each kind the catalog must hold once it ingested the file. */
export function expectedCounts(org: Organisation) {
  return {
    component: org.components.length,
    user: org.users.length,
    // The groups, the admin group and the organisation.
    group: org.groups.length + 1,
  };
}
