// Data-plane role assignments on one storage account: at account scope or on single containers (least privilege).

@description('Name of an existing storage account in this resource group.')
param storageAccountName string

@description('Object (principal) id that receives the roles.')
param principalId string

@description('A value known before deployment that identifies the principal (e.g. the identity\'s resource id); it keeps the role assignment names stable and predictable for what-if.')
param principalKey string

@description('Kind of principal, as Microsoft.Authorization/roleAssignments expects it.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string = 'ServicePrincipal'

@description('Role definition ids (GUIDs) granted on the whole account.')
param accountRoleIds array = []

@description('Grants on single containers: objects { containerName: string, roleId: string }.')
param containerRoles array = []

resource account 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'
  }
}

resource accountAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in accountRoleIds: {
    name: guid(account.id, principalKey, roleId)
    scope: account
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource containerRefs 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = [
  for grant in containerRoles: {
    parent: account::blobService
    name: grant.containerName
  }
]

resource containerAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (grant, i) in containerRoles: {
    name: guid(containerRefs[i].id, principalKey, grant.roleId)
    scope: containerRefs[i]
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', grant.roleId)
    }
  }
]
