import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  Entity,
  getCompoundEntityRef,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  isServiceOfferingEntity,
  RELATION_PROVIDED_BY,
  RELATION_PROVIDES_OFFERING,
  SERVICE_OFFERING_KIND,
} from '@backstage-itsm/plugin-itsm-common';
import {
  parseCiRef,
  parseGroupRef,
  validateServiceOffering,
} from '../offerings/validateServiceOffering';

/**
 * Validates `kind: ServiceOffering` entities (apiVersion `itsm.backstage.io/v1alpha1`)
 * and relates each to its owner group (`ownedBy` / `ownerOf`) and to the CI that
 * provides it (`providedBy` / `providesOffering`).
 *
 * An invalid offering makes `validateEntityKind` throw an `InputError` naming every
 * problem; the catalog keeps the entity's last valid version and shows the error on it.
 */
export class ServiceOfferingProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'ServiceOfferingProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isServiceOfferingEntity(entity)) {
      return false;
    }
    const problems = validateServiceOffering(entity);
    if (problems.length > 0) {
      const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
      throw new InputError(
        `${SERVICE_OFFERING_KIND} ${namespace}/${
          entity.metadata.name
        } is invalid: ${problems.map(p => p.message).join('; ')}`,
      );
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isServiceOfferingEntity(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const relate = (
      target: CompoundEntityRef | undefined,
      outgoing: string,
      incoming: string,
    ) => {
      // validateEntityKind has run: the refs parse; the guard only keeps bad data out
      if (!target) {
        return;
      }
      const other = {
        kind: target.kind,
        namespace: target.namespace,
        name: target.name,
      };
      emit(
        processingResult.relation({
          source: self,
          type: outgoing,
          target: other,
        }),
      );
      emit(
        processingResult.relation({
          source: other,
          type: incoming,
          target: self,
        }),
      );
    };

    relate(
      parseGroupRef(entity.spec.owner, self.namespace),
      RELATION_OWNED_BY,
      RELATION_OWNER_OF,
    );
    relate(
      parseCiRef(entity.spec.providedBy, self.namespace),
      RELATION_PROVIDED_BY,
      RELATION_PROVIDES_OFFERING,
    );
    return entity;
  }
}
