// The JSON that crosses the wire, typed with @hubspot/api-client's own models (used by HubspotConformanceTests).
// The generated models describe deserialised objects: dates are Date, enums are TypeScript enums, and a JSON key that
// is a reserved word gets a leading underscore ('from' is '_from'). Wire<T> undoes exactly that, nothing else, so a
// misspelt or extra field, a missing required one or a value of the wrong type still fails tsc.
import type { SimplePublicObject } from '@hubspot/api-client/lib/codegen/crm/objects/models/SimplePublicObject';
import type { SimplePublicObjectInput } from '@hubspot/api-client/lib/codegen/crm/objects/models/SimplePublicObjectInput';
import type { SimplePublicObjectWithAssociations } from '@hubspot/api-client/lib/codegen/crm/objects/models/SimplePublicObjectWithAssociations';
import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects/models/PublicObjectSearchRequest';
import type { CollectionResponseWithTotalSimplePublicObjectForwardPaging } from '@hubspot/api-client/lib/codegen/crm/objects/models/CollectionResponseWithTotalSimplePublicObjectForwardPaging';
import type { CollectionResponseSimplePublicObjectWithAssociationsForwardPaging } from '@hubspot/api-client/lib/codegen/crm/objects/models/CollectionResponseSimplePublicObjectWithAssociationsForwardPaging';
import type { BatchReadInputSimplePublicObjectId } from '@hubspot/api-client/lib/codegen/crm/objects/models/BatchReadInputSimplePublicObjectId';
import type { BatchResponseSimplePublicObject } from '@hubspot/api-client/lib/codegen/crm/objects/models/BatchResponseSimplePublicObject';
import type { ModelError } from '@hubspot/api-client/lib/codegen/crm/objects/models/ModelError';
import type { SimplePublicObjectInputForCreate } from '@hubspot/api-client/lib/codegen/crm/objects/notes/models/SimplePublicObjectInputForCreate';
import type { SimplePublicObject as NoteObject } from '@hubspot/api-client/lib/codegen/crm/objects/notes/models/SimplePublicObject';
import type { CollectionResponsePublicOwnerForwardPaging } from '@hubspot/api-client/lib/codegen/crm/owners/models/CollectionResponsePublicOwnerForwardPaging';
import type { CollectionResponsePipelineNoPaging } from '@hubspot/api-client/lib/codegen/crm/pipelines/models/CollectionResponsePipelineNoPaging';
import type { BatchInputPublicFetchAssociationsBatchRequest } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchInputPublicFetchAssociationsBatchRequest';
import type { BatchResponsePublicAssociationMultiWithLabel } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponsePublicAssociationMultiWithLabel';

export type Wire<T> =
    T extends Date ? string
    : T extends string ? `${T}`
    : T extends Array<infer U> ? Array<Wire<U>>
    : T extends object ? { [K in keyof T as K extends `_${infer Name}` ? Name : K]: Wire<T[K]> }
    : T;

// What RevBot sends.
export type SearchRequest = Wire<PublicObjectSearchRequest>;
export type BatchReadRequest = Wire<BatchReadInputSimplePublicObjectId>;
export type AssociationsRequest = Wire<BatchInputPublicFetchAssociationsBatchRequest>;
export type DealPatch = Wire<SimplePublicObjectInput>;
export type NoteCreate = Wire<SimplePublicObjectInputForCreate>;

// What the fake answers.
export type OwnersPage = Wire<CollectionResponsePublicOwnerForwardPaging>;
export type Pipelines = Wire<CollectionResponsePipelineNoPaging>;
export type SearchPage = Wire<CollectionResponseWithTotalSimplePublicObjectForwardPaging>;
export type BatchReadAnswer = Wire<BatchResponseSimplePublicObject>;
export type AssociationsAnswer = Wire<BatchResponsePublicAssociationMultiWithLabel>;
export type ArchivedPage = Wire<CollectionResponseSimplePublicObjectWithAssociationsForwardPaging>;
export type Deal = Wire<SimplePublicObjectWithAssociations>;
export type PatchedDeal = Wire<SimplePublicObject>;
export type Note = Wire<NoteObject>;
export type ErrorAnswer = Wire<ModelError>;
