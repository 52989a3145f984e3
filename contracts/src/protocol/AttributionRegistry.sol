// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IAttributionRegistryEvents} from "../interfaces/IAttributionRegistryEvents.sol";
import {IDatanetRegistry, IInferenceLedger, IRewardDistributor, IStaking} from "./IProtocol.sol";
import {ProtocolTypes} from "./ProtocolTypes.sol";
import "./Errors.sol";

/// Proof-of-Attribution postings. A staked POSTER posts one attribution per inference: the top-K
/// (K <= 64) accepted contributions with ppm weights summing to at most 1,000,000. Anyone may dispute it
/// with a bond inside the challenge window; an ARBITER resolves. After the window, with no open dispute,
/// settle() pays the inference's escrow to the contributors by weight (settleMany skips what is not due). An
/// upheld dispute slashes the poster, refunds the bond and sends the escrow to the protocol: the attribution
/// pays nobody. Governance (DEFAULT_ADMIN_ROLE, the Timelock) keeps the list of allowed PoA methods: a posting
/// of a method that is not allowed is refused, and a method whose canonical parameters are pinned (a non-zero
/// paramsHash) takes postings with exactly those parameters.
contract AttributionRegistry is AccessControl, ReentrancyGuard, IAttributionRegistryEvents {
    bytes32 public constant POSTER_ROLE = keccak256("POSTER_ROLE");
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");
    uint256 public constant MAX_K = 64;

    enum State {
        None,
        Posted,
        Disputed,
        Settled,
        Upheld
    }

    struct Posting {
        uint256 inferenceId;
        string method;
        bytes32 paramsHash;
        bytes32 resultHash;
        string resultURI;
        uint256[] contributionIds;
        uint32[] weightsPpm;
        int256[] scores;
    }

    struct Attribution {
        uint256 inferenceId;
        address poster;
        uint64 postedAt;
        State state;
        address[] contributors;
        uint32[] weightsPpm;
    }

    struct Dispute {
        uint256 attributionId;
        address challenger;
        uint256 bond;
        bool open;
    }

    error UnknownAttribution(uint256 attributionId);
    error UnknownDispute(uint256 disputeId);
    error AlreadyAttributed(uint256 inferenceId, uint256 attributionId);
    error TooManyShares(uint256 k, uint256 max);
    error WeightsExceed(uint256 sum);
    error DuplicateContribution(uint256 contributionId);
    error AlreadyDisputed(uint256 attributionId, uint256 disputeId);
    error AttributionFinal(uint256 attributionId);
    error ChallengeWindowClosed(uint256 attributionId, uint64 closedAt);
    error ChallengeWindowOpen(uint256 attributionId, uint64 closesAt);
    error DisputeOpen(uint256 attributionId);
    error DisputeNotOpen(uint256 disputeId);
    error BondTooLow(uint256 required, uint256 actual);
    error MethodNotAllowed(string method);
    error NonCanonicalParams(string method, bytes32 required, bytes32 actual);
    error InvalidMethodId();

    /// A method's rule: allowed or not, and the hash of its canonical parameters (zero: any parameters).
    struct MethodRule {
        bool allowed;
        bytes32 paramsHash;
    }

    /// The longest method id accepted, in bytes.
    uint256 public constant MAX_METHOD_BYTES = 64;

    event ParameterChanged(bytes32 indexed name, uint256 value);

    IStaking public immutable staking;
    IDatanetRegistry public immutable datanets;
    IInferenceLedger public immutable inferences;
    IRewardDistributor public immutable distributor;
    uint64 public challengeWindow;
    uint256 public minBond;
    uint256 public slashAmount;
    uint256 public attributionCount;
    uint256 public disputeCount;
    mapping(uint256 => Attribution) private attributions;
    mapping(uint256 => Dispute) public disputes;
    mapping(uint256 => uint256) public attributionOf;
    mapping(uint256 => uint256) public openDisputeOf;
    /// keccak256 of the method id => its rule.
    mapping(bytes32 => MethodRule) public methodRules;

    constructor(
        address governance,
        address staking_,
        address datanets_,
        address inferences_,
        address distributor_,
        uint64 challengeWindow_,
        uint256 minBond_,
        uint256 slashAmount_
    ) {
        if (governance == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, governance);
        staking = IStaking(staking_);
        datanets = IDatanetRegistry(datanets_);
        inferences = IInferenceLedger(inferences_);
        distributor = IRewardDistributor(distributor_);
        challengeWindow = challengeWindow_;
        minBond = minBond_;
        slashAmount = slashAmount_;
    }

    function setParameters(uint64 window, uint256 bond, uint256 slash) external onlyRole(DEFAULT_ADMIN_ROLE) {
        challengeWindow = window;
        minBond = bond;
        slashAmount = slash;
        emit ParameterChanged("challengeWindow", window);
        emit ParameterChanged("minBond", bond);
        emit ParameterChanged("slashAmount", slash);
    }

    /// Allows or disallows a PoA method and pins its canonical parameters (paramsHash zero: any parameters).
    function setMethod(string calldata method, bool allowed, bytes32 paramsHash)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        uint256 n = bytes(method).length;
        if (n == 0 || n > MAX_METHOD_BYTES) revert InvalidMethodId();
        bytes32 key = keccak256(bytes(method));
        methodRules[key] = MethodRule(allowed, paramsHash);
        emit MethodRuleSet(key, method, allowed, paramsHash);
    }

    function isMethodAllowed(string calldata method) external view returns (bool) {
        return methodRules[keccak256(bytes(method))].allowed;
    }

    function postAttribution(Posting calldata p) external onlyRole(POSTER_ROLE) returns (uint256 attributionId) {
        _requirePosterStake();
        attributionId = _post(p);
    }

    /// Many postings in one transaction; returns the first attribution id, the rest follow.
    function postAttributions(Posting[] calldata ps) external onlyRole(POSTER_ROLE) returns (uint256 firstId) {
        if (ps.length == 0) revert EmptyBatch();
        _requirePosterStake();
        firstId = attributionCount + 1;
        for (uint256 i = 0; i < ps.length; i++) {
            _post(ps[i]);
        }
    }

    function disputeAttribution(uint256 attributionId, bytes32 evidenceHash)
        external
        payable
        returns (uint256 disputeId)
    {
        Attribution storage a = _attribution(attributionId);
        if (a.state == State.Disputed) revert AlreadyDisputed(attributionId, openDisputeOf[attributionId]);
        if (a.state != State.Posted) revert AttributionFinal(attributionId);
        uint64 closesAt = a.postedAt + challengeWindow;
        if (block.timestamp >= closesAt) revert ChallengeWindowClosed(attributionId, closesAt);
        if (msg.value < minBond) revert BondTooLow(minBond, msg.value);
        a.state = State.Disputed;
        disputeId = ++disputeCount;
        disputes[disputeId] = Dispute(attributionId, msg.sender, msg.value, true);
        openDisputeOf[attributionId] = disputeId;
        emit AttributionDisputed(disputeId, attributionId, msg.sender, evidenceHash, msg.value);
    }

    /// upheld: slash the poster, refund the bond, forfeit the escrow (final). Rejected: the bond goes to the
    /// protocol and the attribution may settle after its window.
    function resolveDispute(uint256 disputeId, bool upheld) external onlyRole(ARBITER_ROLE) nonReentrant {
        Dispute storage d = disputes[disputeId];
        if (d.challenger == address(0)) revert UnknownDispute(disputeId);
        if (!d.open) revert DisputeNotOpen(disputeId);
        d.open = false;
        uint256 attributionId = d.attributionId;
        Attribution storage a = attributions[attributionId];
        delete openDisputeOf[attributionId];
        if (!upheld) {
            a.state = State.Posted;
            emit DisputeResolved(disputeId, false, 0);
            distributor.depositProtocol{value: d.bond}(a.inferenceId);
            return;
        }
        a.state = State.Upheld;
        uint256 slashed = staking.slash(a.poster, slashAmount, "attribution dispute upheld");
        emit DisputeResolved(disputeId, true, slashed);
        uint256 forfeited = distributor.forfeitEscrow(a.inferenceId);
        emit AttributionSettled(attributionId, false, forfeited);
        (bool ok,) = d.challenger.call{value: d.bond}("");
        if (!ok) revert TransferFailed(d.challenger, d.bond);
    }

    function settle(uint256 attributionId) external {
        _settle(attributionId);
    }

    /// Settles every listed attribution that is due and skips the rest: one under dispute (it settles after a
    /// rejection, or never when upheld), one already final, one whose window is still open. A keeper can
    /// therefore pass every candidate without racing disputes. Returns how many it settled.
    function settleMany(uint256[] calldata attributionIds) external returns (uint256 settled) {
        if (attributionIds.length == 0) revert EmptyBatch();
        for (uint256 i = 0; i < attributionIds.length; i++) {
            Attribution storage a = _attribution(attributionIds[i]);
            if (a.state != State.Posted || block.timestamp < a.postedAt + challengeWindow) continue;
            _settle(attributionIds[i]);
            settled++;
        }
    }

    function getAttribution(uint256 attributionId)
        external
        view
        returns (
            uint256 inferenceId,
            address poster,
            uint64 postedAt,
            State state,
            address[] memory contributors,
            uint32[] memory weightsPpm
        )
    {
        Attribution storage a = _attribution(attributionId);
        return (a.inferenceId, a.poster, a.postedAt, a.state, a.contributors, a.weightsPpm);
    }

    function _settle(uint256 attributionId) private {
        Attribution storage a = _attribution(attributionId);
        if (a.state == State.Disputed) revert DisputeOpen(attributionId);
        if (a.state != State.Posted) revert AttributionFinal(attributionId);
        uint64 closesAt = a.postedAt + challengeWindow;
        if (block.timestamp < closesAt) revert ChallengeWindowOpen(attributionId, closesAt);
        a.state = State.Settled;
        uint256 amount = distributor.releaseEscrow(a.inferenceId, a.contributors, a.weightsPpm);
        emit AttributionSettled(attributionId, true, amount);
    }

    function _post(Posting calldata p) private returns (uint256 id) {
        uint256 k = p.contributionIds.length;
        if (p.weightsPpm.length != k || p.scores.length != k) revert LengthMismatch();
        if (k > MAX_K) revert TooManyShares(k, MAX_K);
        if (p.inferenceId == 0 || p.inferenceId > inferences.inferenceCount()) revert UnknownInference(p.inferenceId);
        MethodRule storage rule = methodRules[keccak256(bytes(p.method))];
        if (!rule.allowed) revert MethodNotAllowed(p.method);
        if (rule.paramsHash != bytes32(0) && rule.paramsHash != p.paramsHash) {
            revert NonCanonicalParams(p.method, rule.paramsHash, p.paramsHash);
        }
        uint256 existing = attributionOf[p.inferenceId];
        if (existing != 0) revert AlreadyAttributed(p.inferenceId, existing);
        id = ++attributionCount;
        attributionOf[p.inferenceId] = id;
        Attribution storage a = attributions[id];
        a.inferenceId = p.inferenceId;
        a.poster = msg.sender;
        a.postedAt = uint64(block.timestamp);
        a.state = State.Posted;
        emit AttributionPosted(id, p.inferenceId, msg.sender, p.method, p.paramsHash, p.resultHash, p.resultURI);
        uint256 sum = 0;
        for (uint256 i = 0; i < k; i++) {
            uint256 cid = p.contributionIds[i];
            for (uint256 j = 0; j < i; j++) {
                if (p.contributionIds[j] == cid) revert DuplicateContribution(cid);
            }
            sum += p.weightsPpm[i];
            a.contributors.push(datanets.acceptedContributor(cid));
            a.weightsPpm.push(p.weightsPpm[i]);
            emit AttributionShare(id, cid, p.weightsPpm[i], p.scores[i]);
        }
        if (sum > ProtocolTypes.PPM) revert WeightsExceed(sum);
    }

    function _requirePosterStake() private view {
        uint256 required = staking.minPosterStake();
        uint256 actual = staking.stakeOf(msg.sender);
        if (actual < required) revert InsufficientStake(required, actual);
    }

    function _attribution(uint256 attributionId) private view returns (Attribution storage a) {
        a = attributions[attributionId];
        if (a.state == State.None) revert UnknownAttribution(attributionId);
    }
}
