import { Random, Zipf } from './random';

/**
 * The generated organisation: groups owning systems and components, users in groups.
 * The same model feeds the catalog file (what the backend ingests) and the records
 * seeder (which refs records point at), so both always agree.
 */
export interface OrgGroup {
  name: string;
  members: string[];
}

export interface OrgComponent {
  name: string;
  ref: string;
  owner: string;
  system: string;
  tier: string;
  dependsOn: string[];
}

export interface Organisation {
  groups: OrgGroup[];
  users: { name: string; groups: string[] }[];
  systems: { name: string; owner: string }[];
  /** Components in Zipf rank order: index 0 is the hottest. */
  components: OrgComponent[];
  zipf: Zipf;
  /** The user the org-wide reports are read as (member of itsm.permissions.adminGroups). */
  admin: string;
}

export const COMPONENT_COUNT = 2400;
export const GROUP_COUNT = 60;
export const USER_COUNT = 300;
/** Zipf exponent: the hottest component gets ~13 % of incidents, the median ~0.01 %. */
export const ZIPF_S = 1.07;

/** Groups app-config.yaml names (admins, routing fallback, change platform group). */
export const ADMIN_GROUP = 'itsm-admins';
export const PLATFORM_GROUP = 'platform-team';
/** The engineer the record reads, writes and the browser act as. */
export const ENGINEER = 'alice';

const AREAS = [
  'payments',
  'storefront',
  'identity',
  'search',
  'checkout',
  'catalog',
  'pricing',
  'inventory',
  'shipping',
  'billing',
  'ledger',
  'fraud',
  'risk',
  'messaging',
  'email',
  'push',
  'sms',
  'media',
  'images',
  'video',
  'reviews',
  'ratings',
  'recommend',
  'ads',
  'growth',
  'loyalty',
  'coupons',
  'tax',
  'invoicing',
  'returns',
  'warehouse',
  'fleet',
  'routing',
  'maps',
  'geo',
  'observability',
  'logging',
  'metrics',
  'tracing',
  'alerting',
  'ci',
  'cd',
  'build',
  'artifacts',
  'secrets',
  'iam',
  'sso',
  'audit',
  'compliance',
  'data',
  'etl',
  'warehouse-bi',
  'ml',
  'features',
  'experiments',
  'cms',
  'docs',
  'support',
  'crm',
  'partners',
];
const PARTS = [
  'api',
  'worker',
  'web',
  'gateway',
  'sync',
  'jobs',
  'store',
  'ui',
];

export function generateOrganisation(seed = 42): Organisation {
  const random = new Random(seed);
  const groupNames = [
    PLATFORM_GROUP,
    ...AREAS.slice(0, GROUP_COUNT - 1).map(a => `team-${a}`),
  ];
  const groups: OrgGroup[] = groupNames.map(name => ({ name, members: [] }));
  const users: Organisation['users'] = [];
  for (let i = 1; i <= USER_COUNT; i++) {
    const name = `eng-${String(i).padStart(3, '0')}`;
    // Everyone in one team; some also in a second (on-call rotations, guilds).
    const first = groups[(i - 1) % groups.length];
    const memberOf = [first.name];
    if (random.chance(0.15)) {
      const second = random.pick(groups);
      if (second !== first) memberOf.push(second.name);
    }
    users.push({ name, groups: memberOf });
  }
  // frank: the ITSM administrator of the demo catalog (the sign-in page offers him).
  const admin = 'frank';
  users.push({ name: admin, groups: [ADMIN_GROUP, PLATFORM_GROUP] });
  for (const user of users) {
    for (const g of user.groups)
      groups.find(x => x.name === g)?.members.push(user.name);
  }
  groups.push({ name: ADMIN_GROUP, members: [admin] });

  // Two systems per team group.
  const systems = groupNames.flatMap(owner =>
    [1, 2].map(n => ({
      name: `${owner.replace(/^team-/, '')}-sys-${n}`,
      owner,
    })),
  );
  const components: OrgComponent[] = [];
  for (let i = 0; i < COMPONENT_COUNT; i++) {
    const system = systems[random.int(systems.length)];
    const area = system.name.replace(/-sys-\d$/, '');
    const name = `${area}-${PARTS[i % PARTS.length]}-${i}`;
    components.push({
      name,
      ref: `component:default/${name}`,
      owner: system.owner,
      system: system.name,
      tier: random.weighted({ 'tier-1': 15, 'tier-2': 35, 'tier-3': 50 }),
      dependsOn: [],
    });
  }
  // Shuffle so that hot ranks land on any team, then wire dependencies.
  for (let i = components.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [components[i], components[j]] = [components[j], components[i]];
  }
  for (const component of components) {
    const count = random.int(4);
    for (let d = 0; d < count; d++) {
      const target = random.pick(components);
      if (target !== component && !component.dependsOn.includes(target.ref))
        component.dependsOn.push(target.ref);
    }
  }
  // alice: a demo user of the sign-in page (packages/app demoUsers.ts), here an
  // engineer of the team owning the hottest component (Zipf rank 0), so that the
  // browser signs in through the page and works that component's incidents.
  const hotOwner = groups.find(g => g.name === components[0].owner)!;
  users.push({ name: ENGINEER, groups: [hotOwner.name] });
  hotOwner.members.unshift(ENGINEER);
  return {
    groups,
    users,
    systems,
    components,
    zipf: new Zipf(components.length, ZIPF_S),
    admin,
  };
}

/** Members of a group (the owner group of a component works its incidents). */
export function membersOf(org: Organisation, group: string): string[] {
  return org.groups.find(g => g.name === group)?.members ?? [];
}
