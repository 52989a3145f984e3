import * as p from '@subsquid/evm-codec'
import { event, fun, viewFun, indexed, ContractBase } from '@subsquid/evm-abi'
import type { EventParams as EParams, FunctionArguments, FunctionReturn } from '@subsquid/evm-abi'

export const events = {
    ContributionReviewed: event("0x6e1f6a6f4be3c8f13019945c6344c950ca2731c7017e080c5f32a9e48422dc05", "ContributionReviewed(uint256,address,bool)", {"contributionId": indexed(p.uint256), "curator": indexed(p.address), "accepted": p.bool}),
    ContributionSubmitted: event("0xca24677ff8637be26925d2386602246fd9defc956a92ebafe3d8ac7d96c1c015", "ContributionSubmitted(uint256,uint256,address,bytes32,uint64,string)", {"contributionId": indexed(p.uint256), "datanetId": indexed(p.uint256), "contributor": indexed(p.address), "contentHash": p.bytes32, "size": p.uint64, "license": p.string}),
    CuratorAdded: event("0xdb07c29db6b773b8ced9d3af440b6790a544312f1d3f4e3439f9370a89eaaf7a", "CuratorAdded(uint256,address)", {"datanetId": indexed(p.uint256), "curator": indexed(p.address)}),
    DatanetApprovalSet: event("0xfa3581cf7bef514d6e1d8ea0cb1fb17bf5b8fd521af61cd8c11ef50a11ad584a", "DatanetApprovalSet(uint256,bool)", {"datanetId": indexed(p.uint256), "approved": p.bool}),
    DatanetCreated: event("0x7694dbbd7c8e3980748da0dce0f80907c267b91791e3fbd2ff527c050a50b802", "DatanetCreated(uint256,address,string,string,bool,uint256)", {"datanetId": indexed(p.uint256), "owner": indexed(p.address), "name": p.string, "metadataURI": p.string, "curated": p.bool, "minStake": p.uint256}),
    DatanetVersionPublished: event("0xbdd9f5cdd50ba51793ff494995bba4df59a650bab0cb21cf0dede0c6202ead06", "DatanetVersionPublished(uint256,uint32,bytes32,uint32)", {"datanetId": indexed(p.uint256), "version": p.uint32, "merkleRoot": p.bytes32, "contributionCount": p.uint32}),
    RoleAdminChanged: event("0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff", "RoleAdminChanged(bytes32,bytes32,bytes32)", {"role": indexed(p.bytes32), "previousAdminRole": indexed(p.bytes32), "newAdminRole": indexed(p.bytes32)}),
    RoleGranted: event("0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d", "RoleGranted(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
    RoleRevoked: event("0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b", "RoleRevoked(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
}

export const functions = {
    DEFAULT_ADMIN_ROLE: viewFun("0xa217fddf", "DEFAULT_ADMIN_ROLE()", {}, p.bytes32),
    acceptedContributor: viewFun("0xb5063a98", "acceptedContributor(uint256)", {"contributionId": p.uint256}, p.address),
    addCurator: fun("0x302009ef", "addCurator(uint256,address)", {"datanetId": p.uint256, "curator": p.address}, ),
    approved: viewFun("0x7d4061e6", "approved(uint256)", {"_0": p.uint256}, p.bool),
    contributionCount: viewFun("0x5b18056b", "contributionCount()", {}, p.uint256),
    contributions: viewFun("0x1cee0700", "contributions(uint256)", {"_0": p.uint256}, {"contributor": p.address, "datanetId": p.uint64, "status": p.uint8}),
    createDatanet: fun("0xbb86e487", "createDatanet(string,string,bool,uint256)", {"name": p.string, "metadataURI": p.string, "curated": p.bool, "minStake": p.uint256}, p.uint256),
    datanetCount: viewFun("0x49f62af4", "datanetCount()", {}, p.uint256),
    datanets: viewFun("0x5329dcea", "datanets(uint256)", {"_0": p.uint256}, {"owner": p.address, "curated": p.bool, "versionCount": p.uint32, "submittedCount": p.uint32, "minStake": p.uint256}),
    getRoleAdmin: viewFun("0x248a9ca3", "getRoleAdmin(bytes32)", {"role": p.bytes32}, p.bytes32),
    grantRole: fun("0x2f2ff15d", "grantRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    hasRole: viewFun("0x91d14854", "hasRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, p.bool),
    isCurator: viewFun("0xb4e612bd", "isCurator(uint256,address)", {"_0": p.uint256, "_1": p.address}, p.bool),
    publishVersion: fun("0x552a52eb", "publishVersion(uint256,bytes32,uint32)", {"datanetId": p.uint256, "merkleRoot": p.bytes32, "count": p.uint32}, p.uint32),
    renounceRole: fun("0x36568abe", "renounceRole(bytes32,address)", {"role": p.bytes32, "callerConfirmation": p.address}, ),
    reviewContribution: fun("0x055e6a76", "reviewContribution(uint256,bool)", {"contributionId": p.uint256, "accepted": p.bool}, ),
    reviewContributions: fun("0xec8ac018", "reviewContributions(uint256[],bool[])", {"contributionIds": p.array(p.uint256), "accepted": p.array(p.bool)}, ),
    revokeRole: fun("0xd547741f", "revokeRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    setApproval: fun("0x90a05b7f", "setApproval(uint256,bool)", {"datanetId": p.uint256, "approved_": p.bool}, ),
    staking: viewFun("0x4cf088d9", "staking()", {}, p.address),
    submitContribution: fun("0x574f804b", "submitContribution(uint256,bytes32,uint64,string)", {"datanetId": p.uint256, "contentHash": p.bytes32, "size": p.uint64, "license": p.string}, p.uint256),
    submitContributions: fun("0xb153598c", "submitContributions(uint256,bytes32[],uint64[],string)", {"datanetId": p.uint256, "contentHashes": p.array(p.bytes32), "sizes": p.array(p.uint64), "license": p.string}, p.uint256),
    supportsInterface: viewFun("0x01ffc9a7", "supportsInterface(bytes4)", {"interfaceId": p.bytes4}, p.bool),
    versionExists: viewFun("0xc447f8f1", "versionExists(uint256,uint32)", {"datanetId": p.uint256, "version": p.uint32}, p.bool),
    versionRoot: viewFun("0x5bfba726", "versionRoot(uint256,uint32)", {"_0": p.uint256, "_1": p.uint32}, p.bytes32),
}

export class Contract extends ContractBase {

    DEFAULT_ADMIN_ROLE() {
        return this.eth_call(functions.DEFAULT_ADMIN_ROLE, {})
    }

    acceptedContributor(contributionId: AcceptedContributorParams["contributionId"]) {
        return this.eth_call(functions.acceptedContributor, {contributionId})
    }

    approved(_0: ApprovedParams["_0"]) {
        return this.eth_call(functions.approved, {_0})
    }

    contributionCount() {
        return this.eth_call(functions.contributionCount, {})
    }

    contributions(_0: ContributionsParams["_0"]) {
        return this.eth_call(functions.contributions, {_0})
    }

    datanetCount() {
        return this.eth_call(functions.datanetCount, {})
    }

    datanets(_0: DatanetsParams["_0"]) {
        return this.eth_call(functions.datanets, {_0})
    }

    getRoleAdmin(role: GetRoleAdminParams["role"]) {
        return this.eth_call(functions.getRoleAdmin, {role})
    }

    hasRole(role: HasRoleParams["role"], account: HasRoleParams["account"]) {
        return this.eth_call(functions.hasRole, {role, account})
    }

    isCurator(_0: IsCuratorParams["_0"], _1: IsCuratorParams["_1"]) {
        return this.eth_call(functions.isCurator, {_0, _1})
    }

    staking() {
        return this.eth_call(functions.staking, {})
    }

    supportsInterface(interfaceId: SupportsInterfaceParams["interfaceId"]) {
        return this.eth_call(functions.supportsInterface, {interfaceId})
    }

    versionExists(datanetId: VersionExistsParams["datanetId"], version: VersionExistsParams["version"]) {
        return this.eth_call(functions.versionExists, {datanetId, version})
    }

    versionRoot(_0: VersionRootParams["_0"], _1: VersionRootParams["_1"]) {
        return this.eth_call(functions.versionRoot, {_0, _1})
    }
}

/// Event types
export type ContributionReviewedEventArgs = EParams<typeof events.ContributionReviewed>
export type ContributionSubmittedEventArgs = EParams<typeof events.ContributionSubmitted>
export type CuratorAddedEventArgs = EParams<typeof events.CuratorAdded>
export type DatanetApprovalSetEventArgs = EParams<typeof events.DatanetApprovalSet>
export type DatanetCreatedEventArgs = EParams<typeof events.DatanetCreated>
export type DatanetVersionPublishedEventArgs = EParams<typeof events.DatanetVersionPublished>
export type RoleAdminChangedEventArgs = EParams<typeof events.RoleAdminChanged>
export type RoleGrantedEventArgs = EParams<typeof events.RoleGranted>
export type RoleRevokedEventArgs = EParams<typeof events.RoleRevoked>

/// Function types
export type DEFAULT_ADMIN_ROLEParams = FunctionArguments<typeof functions.DEFAULT_ADMIN_ROLE>
export type DEFAULT_ADMIN_ROLEReturn = FunctionReturn<typeof functions.DEFAULT_ADMIN_ROLE>

export type AcceptedContributorParams = FunctionArguments<typeof functions.acceptedContributor>
export type AcceptedContributorReturn = FunctionReturn<typeof functions.acceptedContributor>

export type AddCuratorParams = FunctionArguments<typeof functions.addCurator>
export type AddCuratorReturn = FunctionReturn<typeof functions.addCurator>

export type ApprovedParams = FunctionArguments<typeof functions.approved>
export type ApprovedReturn = FunctionReturn<typeof functions.approved>

export type ContributionCountParams = FunctionArguments<typeof functions.contributionCount>
export type ContributionCountReturn = FunctionReturn<typeof functions.contributionCount>

export type ContributionsParams = FunctionArguments<typeof functions.contributions>
export type ContributionsReturn = FunctionReturn<typeof functions.contributions>

export type CreateDatanetParams = FunctionArguments<typeof functions.createDatanet>
export type CreateDatanetReturn = FunctionReturn<typeof functions.createDatanet>

export type DatanetCountParams = FunctionArguments<typeof functions.datanetCount>
export type DatanetCountReturn = FunctionReturn<typeof functions.datanetCount>

export type DatanetsParams = FunctionArguments<typeof functions.datanets>
export type DatanetsReturn = FunctionReturn<typeof functions.datanets>

export type GetRoleAdminParams = FunctionArguments<typeof functions.getRoleAdmin>
export type GetRoleAdminReturn = FunctionReturn<typeof functions.getRoleAdmin>

export type GrantRoleParams = FunctionArguments<typeof functions.grantRole>
export type GrantRoleReturn = FunctionReturn<typeof functions.grantRole>

export type HasRoleParams = FunctionArguments<typeof functions.hasRole>
export type HasRoleReturn = FunctionReturn<typeof functions.hasRole>

export type IsCuratorParams = FunctionArguments<typeof functions.isCurator>
export type IsCuratorReturn = FunctionReturn<typeof functions.isCurator>

export type PublishVersionParams = FunctionArguments<typeof functions.publishVersion>
export type PublishVersionReturn = FunctionReturn<typeof functions.publishVersion>

export type RenounceRoleParams = FunctionArguments<typeof functions.renounceRole>
export type RenounceRoleReturn = FunctionReturn<typeof functions.renounceRole>

export type ReviewContributionParams = FunctionArguments<typeof functions.reviewContribution>
export type ReviewContributionReturn = FunctionReturn<typeof functions.reviewContribution>

export type ReviewContributionsParams = FunctionArguments<typeof functions.reviewContributions>
export type ReviewContributionsReturn = FunctionReturn<typeof functions.reviewContributions>

export type RevokeRoleParams = FunctionArguments<typeof functions.revokeRole>
export type RevokeRoleReturn = FunctionReturn<typeof functions.revokeRole>

export type SetApprovalParams = FunctionArguments<typeof functions.setApproval>
export type SetApprovalReturn = FunctionReturn<typeof functions.setApproval>

export type StakingParams = FunctionArguments<typeof functions.staking>
export type StakingReturn = FunctionReturn<typeof functions.staking>

export type SubmitContributionParams = FunctionArguments<typeof functions.submitContribution>
export type SubmitContributionReturn = FunctionReturn<typeof functions.submitContribution>

export type SubmitContributionsParams = FunctionArguments<typeof functions.submitContributions>
export type SubmitContributionsReturn = FunctionReturn<typeof functions.submitContributions>

export type SupportsInterfaceParams = FunctionArguments<typeof functions.supportsInterface>
export type SupportsInterfaceReturn = FunctionReturn<typeof functions.supportsInterface>

export type VersionExistsParams = FunctionArguments<typeof functions.versionExists>
export type VersionExistsReturn = FunctionReturn<typeof functions.versionExists>

export type VersionRootParams = FunctionArguments<typeof functions.versionRoot>
export type VersionRootReturn = FunctionReturn<typeof functions.versionRoot>

