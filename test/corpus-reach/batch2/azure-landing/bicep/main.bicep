targetScope = 'subscription'

@description('Object ID of the platform engineering group')
param platformGroupObjectId string

@description('Object ID of the data pipeline managed identity')
param pipelineIdentityPrincipalId string

param location string = deployment().location

var ownerRoleId = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
var readerRoleId = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'

resource platformOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, platformGroupObjectId, ownerRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ownerRoleId)
    // ^ iam
    principalId: platformGroupObjectId
    principalType: 'Group'
  }
}

resource pipelineReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, pipelineIdentityPrincipalId, readerRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', readerRoleId)
    principalId: pipelineIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource dataRg 'Microsoft.Resources/resourceGroups@2023-07-01' = {
  name: 'rg-data-${location}'
  location: location
}

module storageAccess 'modules/storage-access.bicep' = {
  name: 'storage-access'
  scope: dataRg
  params: {
    principalId: pipelineIdentityPrincipalId
    roleDefinitionId: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  }
}
